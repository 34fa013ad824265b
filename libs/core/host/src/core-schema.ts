import { Municipality, coreMigrations } from '@enplan/core/database';

/** Every core entity, in one list: the DataSource, the drift check and migration generation use it. */
export const coreEntities = [Municipality];

export { coreMigrations };
