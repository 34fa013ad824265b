// The courses lib's name for the shared "today in Denmark".
export { danishToday as today } from '@enplan/shared/util';
