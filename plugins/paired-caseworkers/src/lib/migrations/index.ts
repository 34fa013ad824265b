import { PairedCaseworkersInit1795600000000 } from './1795600000000-PairedCaseworkersInit.js';
import { PairedCaseworkersForeignKeyIndexes1796177220870 } from './1796177220870-ForeignKeyIndexes.js';

/** The plugin's migrations, oldest first. They run with the core's when a deployment enables the plugin. */
export const pairedCaseworkersMigrations = [PairedCaseworkersInit1795600000000, PairedCaseworkersForeignKeyIndexes1796177220870];
