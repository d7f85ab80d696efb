// "Buscar en documentos": words (a phrase in quotes, -word to leave out) and filters; the documents whose
// text holds them, best first, each with its best passages, the words marked, and a link that opens the
// file at the passage's page. The query lives in the address, so a search can be bookmarked or sent
// (the top bar's box opens this page with ?q=). It says whether search by meaning counted, and if not why.
// Below, "Preguntar a los documentos" (document-questions.tsx).
import { Box, Button, Input, Label, Select, Text } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { DocumentQuestions } from './document-questions.js';
import { Highlighted } from './highlighted.js';

interface Passage {
  chunkId: number;
  page: number | null;
  heading: string | null;
  snippet: string;
}
interface FoundDocument {
  id: number;
  code: string;
  title: string;
  kindLabel: string;
  stateLabel: string;
  assetName: string | null;
  revision: { id: number; number: number; fileName: string };
  passages: Passage[];
}
interface Answer {
  total: number;
  page: number;
  pageSize: number;
  documents: FoundDocument[];
  markers: { start: string; end: string };
  semantic: { on: true; used: boolean } | { on: false; reason: string };
}

const KINDS = ['PROCEDURE', 'DRAWING', 'MANUAL', 'CERTIFICATE', 'REPORT', 'PHOTO', 'OTHER'];
const STATES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'OBSOLETE'];
const adminRoot = () => window.location.pathname.split('/resources/')[0];

const DocumentSearch: React.FC<ActionProps> = ({ resource }) => {
  const { translateMessage, translateProperty, translateLabel } = useTranslation();
  const params = new URLSearchParams(window.location.search);
  const [text, setText] = useState(params.get('q') ?? '');
  const [kind, setKind] = useState(params.get('kind') ?? '');
  const [state, setState] = useState(params.get('state') ?? '');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);

  const run = async (page = 1) => {
    const query = new URLSearchParams({ q: text, ...(kind ? { kind } : {}), ...(state ? { state } : {}), ...(page > 1 ? { page: String(page) } : {}) });
    window.history.replaceState(null, '', `${window.location.pathname}?${query}`);
    if (!text.trim()) return setAnswer(null);
    setSearching(true);
    setFailure(null);
    try {
      const response = await fetch(`${adminRoot()}/documents/search?${query}`, { credentials: 'same-origin' });
      const body = await response.json();
      if (!response.ok) setFailure(body.message ?? translateMessage('searchFailed'));
      else setAnswer(body as Answer);
    } finally {
      setSearching(false);
    }
  };
  useEffect(() => {
    if (text.trim()) void run(Number(params.get('page') ?? 1));
    // Only the address the page was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const choice = (value: string, label: string) => ({ value, label });
  const kindOptions = [choice('', translateMessage('searchAnyKind')), ...KINDS.map((k) => choice(k, translateLabel(`kind.${k}`, resource.id)))];
  const stateOptions = [choice('', translateMessage('searchAnyState')), ...STATES.map((s) => choice(s, translateLabel(`state.${s}`, resource.id)))];
  const fileLink = (document: FoundDocument, passage?: Passage) =>
    `${adminRoot()}/documents/revisions/${document.revision.id}/open${passage?.page ? `#page=${passage.page}` : ''}`;

  return (
    <Box variant="white" p="xl" data-testid="document-search">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(1);
        }}
      >
        <Box flex flexDirection="row" flexWrap="wrap" style={{ gap: 12, alignItems: 'flex-end' }}>
          <Box style={{ flex: '1 1 280px' }}>
            <Label htmlFor="document-search-text">{translateMessage('searchWords')}</Label>
            <Input id="document-search-text" name="q" value={text} width="100%" onChange={(event: React.ChangeEvent<HTMLInputElement>) => setText(event.target.value)} />
          </Box>
          <Box style={{ flex: '0 1 200px' }}>
            <Label>{translateProperty('kind', resource.id)}</Label>
            <Select value={kindOptions.find((o) => o.value === kind)} options={kindOptions} onChange={(selected: { value: string } | null) => setKind(selected?.value ?? '')} />
          </Box>
          <Box style={{ flex: '0 1 200px' }}>
            <Label>{translateProperty('state', resource.id)}</Label>
            <Select value={stateOptions.find((o) => o.value === state)} options={stateOptions} onChange={(selected: { value: string } | null) => setState(selected?.value ?? '')} />
          </Box>
          <Button type="submit" variant="contained" disabled={searching}>
            {translateMessage('searchButton')}
          </Button>
        </Box>
        <Text mt="sm" variant="sm">{translateMessage('searchHelp')}</Text>
      </form>

      {failure && <Text mt="lg" color="error">{failure}</Text>}
      {answer && (
        <Box mt="xl" data-testid="document-search-results">
          <Text mb="sm" variant="sm" data-testid="semantic-state" style={{ color: '#666' }}>
            {answer.semantic.on ? translateMessage(answer.semantic.used ? 'searchSemanticOn' : 'searchSemanticUnavailable') : translateMessage(`searchSemanticOff_${answer.semantic.reason}`)}
          </Text>
          <Text mb="lg" fontWeight="bold">
            {answer.total === 0 ? translateMessage('searchNothing') : translateMessage(answer.total === 1 ? 'searchFoundOne' : 'searchFound', undefined, { count: answer.total })}
          </Text>
          {answer.documents.map((document) => (
            <Box key={document.id} mb="xl" data-testid={`found-${document.code}`}>
              <Text>
                <a href={`${adminRoot()}/resources/Document/records/${document.id}/show`} style={{ fontWeight: 'bold' }}>
                  {document.code} · {document.title}
                </a>{' '}
                <span style={{ color: '#666' }}>
                  {document.kindLabel} · {document.stateLabel}
                  {document.assetName ? ` · ${document.assetName}` : ''} · {translateMessage('revisionNumber')} {document.revision.number}
                </span>
              </Text>
              {document.passages.map((passage) => (
                <Box key={passage.chunkId} ml="lg" mt="sm" style={{ borderLeft: '3px solid #ccd', paddingLeft: 10 }}>
                  <Text variant="sm" style={{ color: '#555' }}>
                    <a href={fileLink(document, passage)} target="_blank" rel="noopener">
                      {passage.page ? translateMessage('searchPage', undefined, { page: passage.page }) : document.revision.fileName}
                    </a>
                    {passage.heading ? ` · ${passage.heading}` : ''}
                  </Text>
                  <Text data-testid="passage">
                    <Highlighted snippet={passage.snippet} markers={answer.markers} />
                  </Text>
                </Box>
              ))}
            </Box>
          ))}
          {answer.total > answer.page * answer.pageSize && (
            <Button type="button" onClick={() => void run(answer.page + 1)}>{translateMessage('searchNextPage')}</Button>
          )}
        </Box>
      )}
      <DocumentQuestions />
    </Box>
  );
};

export default DocumentSearch;
