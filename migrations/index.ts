import { CreateFoundation1796154107714 } from './1796154107714-CreateFoundation';

// Every migration in order. Explicit classes (not a glob) so the app, the CLI and vitest load the same list.
export const MIGRATIONS = [CreateFoundation1796154107714];
