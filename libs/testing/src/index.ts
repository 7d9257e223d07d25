// Test utilities shared by every lib's tests (not part of the build).
export { DEMO_NOW, DEMO_PASSWORD, TEMPLATE_DEMO, TEMPLATE_EMPTY, TEST_DB_PREFIX } from './constants';
export { createTestDatabase } from './database';
