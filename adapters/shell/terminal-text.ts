/**
 * Text a terminal shows literally: control characters (escape sequences
 * that could clear the screen, retitle the window or ring the bell) become
 * U+FFFD; line breaks and tabs stay.
 */
export function terminalText(text: string): string {
  return text.replace(/(?![\n\t])\p{Cc}/gu, '\ufffd');
}
