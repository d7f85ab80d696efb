// The SIG is an old system: its pages come in ISO-8859-1 / windows-1252, declared in the Content-Type
// header, in a <meta> tag, or not at all. The WHATWG decoder built into Node reads both (it treats
// ISO-8859-1 as windows-1252, as browsers do), so no converter library is needed.

/** The charset the response declares (header first, then a <meta> in the first kilobyte), or windows-1252. */
export function declaredCharset(contentType: string | null, body: Uint8Array): string {
  const fromHeader = /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader;
  const head = Buffer.from(body.subarray(0, 1024)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*"?([\w-]+)/i.exec(head)?.[1] ?? 'windows-1252';
}

export function decodePage(contentType: string | null, body: Uint8Array): string {
  const charset = declaredCharset(contentType, body);
  try {
    return new TextDecoder(charset).decode(body);
  } catch {
    // A label the decoder does not know (a typo in the old server's header): the SIG's usual encoding.
    return new TextDecoder('windows-1252').decode(body);
  }
}

// The characters windows-1252 puts in 0x80-0x9F (€, curly quotes, dashes...), read from the decoder itself.
const HIGH_RANGE = new Map<string, number>(
  Array.from({ length: 32 }, (_, i) => [new TextDecoder('windows-1252').decode(Uint8Array.of(0x80 + i)), 0x80 + i]),
);

/** Encodes text as windows-1252 (for the fake SIG); a character it cannot hold becomes '?', as old servers did. */
export function encodeWindows1252(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  let length = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes[length++] = HIGH_RANGE.get(char) ?? (code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : 0x3f);
  }
  return bytes.subarray(0, length);
}
