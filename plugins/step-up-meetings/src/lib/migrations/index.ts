import { StepUpMeetingsInit1795450683750 } from './1795450683750-Init.js';

/** The plugin's migrations, oldest first (class names start with StepUpMeetings, as the host requires). */
export const STEP_UP_MIGRATIONS = [StepUpMeetingsInit1795450683750];
