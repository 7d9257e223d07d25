/** D-67: the demo and its expected values are fixed at DEMO_NOW = 2026-11-16 10:00 Europe/Stockholm. */
export const DEMO_NOW = new Date('2026-11-16T09:00:00.000Z');
export const DEMO_PASSWORD = 'Exempelby-demo-2026!';
export const TEMPLATE_EMPTY = 'varna_template_empty';
export const TEMPLATE_DEMO = 'varna_template_demo';
export const TEST_DB_PREFIX = 'varna_test_';
