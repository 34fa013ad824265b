import { PairedCaseworkersInit1795600000000 } from './1795600000000-PairedCaseworkersInit.js';

/** The plugin's migrations, oldest first. They run with the core's when a deployment enables the plugin. */
export const pairedCaseworkersMigrations = [PairedCaseworkersInit1795600000000];
