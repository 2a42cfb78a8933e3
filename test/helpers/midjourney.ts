/** The button labels of a finished Midjourney grid, in order ('' is the reroll button). */
export const MJ_GRID_LABELS = ['U1', 'U2', 'U3', 'U4', '', 'V1', 'V2', 'V3', 'V4'];
