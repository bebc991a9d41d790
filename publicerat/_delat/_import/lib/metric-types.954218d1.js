export const FOLLOW_UP_MONTHS = [6, 12, 18];
