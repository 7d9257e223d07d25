export { createTestDatabase } from '@varna/testing';
