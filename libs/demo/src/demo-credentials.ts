import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface DemoCredentials {
  password: string;
  /** Where it was written, when generated. */
  file: string | null;
  source: 'environment' | 'file' | 'generated';
}

/**
 * The demo users' password: VARNA_DEMO_PASSWORD when set; otherwise the one generated on first seed
 * and kept in $VARNA_DATA_DIR/demo-credentials.txt (mode 600).
 */
export async function demoPassword(fromEnv: string | undefined, dataDir: string): Promise<DemoCredentials> {
  if (fromEnv) return { password: fromEnv, file: null, source: 'environment' };
  const file = path.join(dataDir, 'demo-credentials.txt');
  try {
    const content = await fs.readFile(file, 'utf8');
    const match = /^password:\s*(\S+)\s*$/m.exec(content);
    if (match) return { password: match[1], file, source: 'file' };
  } catch {
    // not yet generated
  }
  const password = `Varna-${randomBytes(12).toString('base64url')}`;
  await fs.mkdir(dataDir, { recursive: true });
  await fs.writeFile(
    file,
    `# Värna demo – Exempelby kommun. Every demo user has this password.\npassword: ${password}\n`,
    { mode: 0o600 },
  );
  return { password, file, source: 'generated' };
}
