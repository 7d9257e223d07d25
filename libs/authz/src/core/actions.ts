/** What a person may do. `manage` is CASL's wildcard and is not granted by any role rule. */
export const ACTIONS = [
  'read',
  'create',
  'update',
  'delete',
  'approve',
  'accept',
  'export',
  'verify',
  'manage',
] as const;
export type Action = (typeof ACTIONS)[number];
