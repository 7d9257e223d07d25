import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { VarnaConfig } from '@varna/config';
import type { AttachmentScanner } from '@varna/incident';
import {
  Clock,
  createLogger,
  createValidationPipe,
  ErrorFilter,
  RequestContext,
  sendError,
} from '@varna/core';
import cookieParser from 'cookie-parser';
import express, { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';
import { serveWebApp } from './web-assets';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export interface CreateAppOptions {
  config: VarnaConfig;
  databaseUrl: string;
  clock: Clock;
  /** The virus-scan hook for incident attachments (ADR 0013); default none: NOT_SCANNED. */
  attachmentScanner?: AttachmentScanner;
  /** Build the module graph without instantiating providers (no database): for the OpenAPI document. */
  preview?: boolean;
}

/** Builds the configured application; `main.ts`, the CLI and the tests all start it this way. */
export async function createApp(options: CreateAppOptions): Promise<NestExpressApplication> {
  const logger = createLogger(options.config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({
      config: options.config,
      databaseUrl: options.databaseUrl,
      clock: options.clock,
      attachmentScanner: options.attachmentScanner,
    }),
    {
      bodyParser: false,
      logger: options.preview ? false : ['error', 'warn'],
      abortOnError: false,
      preview: options.preview ?? false,
    },
  );
  app.setGlobalPrefix('api');
  if (options.config.trustProxy) app.set('trust proxy', true);
  app.disable('x-powered-by');

  // Correlation id first, so every log line and error body of the request carries it.
  app.use((req: Request & { correlationId?: string }, res: Response, next: NextFunction) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.correlationId = id;
    res.setHeader('x-request-id', id);
    RequestContext.run({ correlationId: id }, next);
  });
  app.use(
    express.json({ limit: options.config.bodyLimit, strict: true, type: ['application/json', '+json'] }),
  );
  // body-parser errors (malformed JSON, 413) leave through the same error body as everything else.
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    sendError(logger, err, req, res);
  });
  app.use(cookieParser());
  // The built web app (apps/web) from the same origin; /api/* stays the API's (web-assets.ts).
  serveWebApp(app);
  app.useGlobalFilters(new ErrorFilter(logger));
  app.useGlobalPipes(createValidationPipe());

  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
  return app;
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Värna API')
    .setDescription(
      'Ledningssystem för informationssäkerhet för kommuner, regioner och kommunala bolag. ' +
        'Authenticate with POST /api/auth/login; send the accessToken as a Bearer token, or use the session cookie ' +
        'with the X-CSRF-Token header on writes.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .addCookieAuth('varna_session')
    .addSecurityRequirements('bearer')
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) => `${controller}_${method}`,
  });
}
