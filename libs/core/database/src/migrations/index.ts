import { CoreInit1795446236796 } from './1795446236796-Init.js';
import { CoreCoursesAndPlans1795446492012 } from './1795446492012-CoursesAndPlans.js';

/** Core schema migrations, oldest first. Generate new ones with `npm run enplan -- migration:generate <Name>`. */
export const coreMigrations = [CoreInit1795446236796, CoreCoursesAndPlans1795446492012];
