import { CitizenConsultantInit1795600000000 } from './1795600000000-Init.js';

/** In the order they run. */
export const citizenConsultantMigrations = [CitizenConsultantInit1795600000000];
