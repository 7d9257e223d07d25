export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  correlationId: string | null;
  details: unknown;
}
