import type { DataModule } from './context';
import { incidents } from './incidents';
import { information } from './information';
import { organisation } from './organisation';

/**
 * The dataset, one module per file, in dependency order: organisation first (tenant, tree, people,
 * role assignments), then the modules that place rows in the tree. A new module adds its file here.
 */
export const DATA_MODULES: DataModule[] = [organisation, information, incidents];
