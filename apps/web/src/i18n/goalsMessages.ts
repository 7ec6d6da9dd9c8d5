/** The goals feature's UI texts (spread into messages.ts). */
export const goalsSv = {} as const;

export const goalsEn: Record<keyof typeof goalsSv, string> = {};
