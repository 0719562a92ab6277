/** What the API client itself says (engine and server errors carry their own messages). */
export const apiStrings = {
  codeNotLoaded: (reason: string) => `Berth could not load part of its code (${reason}). Reload the page.`,
};
