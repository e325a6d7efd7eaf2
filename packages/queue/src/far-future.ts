/** "Any time": the bound for listing every pending outbox row, whenever available. */
export const FAR_FUTURE = new Date('9999-12-31T00:00:00Z');
