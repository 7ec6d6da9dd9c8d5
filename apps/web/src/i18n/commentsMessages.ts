/** The comments feature's UI texts (spread into messages.ts). */
export const commentsSv = {} as const;

export const commentsEn: Record<keyof typeof commentsSv, string> = {};
