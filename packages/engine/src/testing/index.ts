export { MemoryStore } from './memory-store.js';
export { reviewFlow } from './review-flow.js';
export { weekdayCalendar } from './weekday-calendar.js';
