// "Preguntar a los documentos": a question, and an answer from the documents the person may read: written
// by the configured language model citing its sources [n], or (offline, or the model failing) the best
// passages with the words marked, or "No lo encuentro en los documentos". Each source links to its
// document and opens the file at its page.
import { Box, Button, Input, Label, Text } from '@adminjs/design-system';
import { useTranslation } from 'adminjs';
import React, { useState } from 'react';
import { adminRoot, csrfHeader, readJson } from './document-client.js';
import { Highlighted } from './highlighted.js';
import type { AnswerSource as Source } from '../../domain/documents/questions/ask-documents.js';

type Answer = { markers: { start: string; end: string } } & (
  | { mode: 'generated'; text: string; sources: Source[] }
  | { mode: 'extractive'; reason: 'noChat' | 'chatFailed'; sources: Source[] }
  | { mode: 'notFound'; sources: [] }
);

export const DocumentQuestions: React.FC = () => {
  const { translateMessage } = useTranslation();
  const [question, setQuestion] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);

  const ask = async () => {
    if (!question.trim()) return;
    setAsking(true);
    setFailure(null);
    try {
      const response = await fetch(`${adminRoot()}/documents/ask`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', ...csrfHeader() },
        body: JSON.stringify({ question }),
      });
      const body = await readJson<Answer>(response);
      if (!response.ok) {
        setAnswer(null);
        setFailure(body.message ?? translateMessage('askFailed'));
      } else setAnswer(body);
    } catch {
      setFailure(translateMessage('askFailed'));
    } finally {
      setAsking(false);
    }
  };
  const fileLink = (source: Source) => `${adminRoot()}/documents/revisions/${source.revision.id}/open${source.page ? `#page=${source.page}` : ''}`;

  return (
    <Box mt="xxl" pt="xl" style={{ borderTop: '1px solid #ddd' }} data-testid="document-questions">
      <Text as="h3" fontWeight="bold" mb="default">{translateMessage('askTitle')}</Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void ask();
        }}
      >
        <Box flex flexDirection="row" flexWrap="wrap" style={{ gap: 12, alignItems: 'flex-end' }}>
          <Box style={{ flex: '1 1 400px' }}>
            <Label htmlFor="document-question">{translateMessage('askQuestion')}</Label>
            <Input id="document-question" name="question" maxLength={500} value={question} width="100%" onChange={(event: React.ChangeEvent<HTMLInputElement>) => setQuestion(event.target.value)} />
          </Box>
          <Button type="submit" variant="contained" disabled={asking}>{translateMessage('askButton')}</Button>
        </Box>
        <Text mt="sm" variant="sm">{translateMessage('askHelp')}</Text>
      </form>
      {failure && <Text mt="lg" color="error">{failure}</Text>}
      {answer && (
        <Box mt="lg" data-testid="document-answer">
          {answer.mode === 'notFound' && <Text fontWeight="bold">{translateMessage('askNotFound')}</Text>}
          {answer.mode === 'generated' && <Text data-testid="answer-text" style={{ whiteSpace: 'pre-wrap' }}>{answer.text}</Text>}
          {answer.mode === 'extractive' && <Text>{translateMessage(`askExtractive_${answer.reason}`)}</Text>}
          {answer.sources.length > 0 && (
            <Box mt="default">
              {answer.mode === 'generated' && <Text fontWeight="bold">{translateMessage('askSources')}</Text>}
              {answer.sources.map((source) => (
                <Box key={source.n} mt="sm" style={{ borderLeft: '3px solid #ccd', paddingLeft: 10 }} data-testid="answer-source">
                  <Text variant="sm" style={{ color: '#555' }}>
                    [{source.n}]{' '}
                    <a href={`${adminRoot()}/resources/Document/records/${source.documentId}/show`}>
                      {translateMessage('askSource', undefined, { code: source.code, title: source.title, revision: source.revision.number })}
                    </a>
                    {' · '}
                    <a href={fileLink(source)} target="_blank" rel="noopener">
                      {source.page ? translateMessage('searchPage', undefined, { page: source.page }) : translateMessage('askOpenFile')}
                    </a>
                    {source.heading ? ` · ${source.heading}` : ''}
                  </Text>
                  <Text data-testid="answer-passage">
                    <Highlighted snippet={source.snippet} markers={answer.markers} />
                  </Text>
                </Box>
              ))}
            </Box>
          )}
        </Box>
      )}
    </Box>
  );
};
