// A passage as text with <mark>s: React escapes every piece; the server's control-character markers only
// place the marks, so a document's text is never HTML.
import React from 'react';

export function Highlighted({ snippet, markers }: { snippet: string; markers: { start: string; end: string } }) {
  const pieces: React.ReactNode[] = [];
  snippet.split(markers.start).forEach((part, i) => {
    if (i === 0) return pieces.push(part);
    const [marked, rest] = part.split(markers.end);
    pieces.push(<mark key={i}>{marked}</mark>, rest ?? '');
  });
  return <>{pieces}</>;
}
