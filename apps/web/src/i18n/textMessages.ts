/** The text feature's UI texts (spread into messages.ts). */
export const textSv = {} as const;

export const textEn: Record<keyof typeof textSv, string> = {};
