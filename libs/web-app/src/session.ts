/** The API key lives in sessionStorage only: gone when the tab closes, never in localStorage or a cookie. */
const KEY = 'rarerank.apiKey';

export const session = {
  key: (): string | null => sessionStorage.getItem(KEY),
  signIn: (key: string): void => sessionStorage.setItem(KEY, key),
  signOut: (): void => sessionStorage.removeItem(KEY),
};
