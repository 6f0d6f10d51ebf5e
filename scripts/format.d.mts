/** `text` as the formatter writes it for the file at `path` (the name picks the language), with .oxfmtrc.json's settings. */
export function formatted(path: string, text: string): Promise<string>;
