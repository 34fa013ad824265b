import { CoreInit1795446236796 } from './1795446236796-Init.js';
import { CoreCoursesAndPlans1795446492012 } from './1795446492012-CoursesAndPlans.js';
import { CoreMeetings1795447402677 } from './1795447402677-Meetings.js';

/** Core schema migrations, oldest first. Generate new ones with `npm run enplan -- migration:generate <Name>`. */
export const coreMigrations = [CoreInit1795446236796, CoreCoursesAndPlans1795446492012, CoreMeetings1795447402677];
