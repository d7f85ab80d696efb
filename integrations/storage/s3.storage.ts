// S3-compatible driver (MinIO in docker-compose), path-style addressing by default.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Readable } from 'node:stream';
import { assertValidKey, attachmentDisposition, StorageFailure, type ObjectStorage } from './storage.js';

/** Where the bucket is and how to reach it (read from S3_* by server/config.ts). */
export interface S3Settings {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

export function createS3Storage(options: S3Settings): ObjectStorage & { client: S3Client } {
  const client = new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
  });
  const Bucket = options.bucket;

  return {
    driver: 's3',
    client,
    async put(key, body, putOptions = {}) {
      assertValidKey(key);
      // Streams of unknown length are buffered: S3 needs Content-Length for a single PUT.
      const payload = Buffer.isBuffer(body) ? body : await collect(body);
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: payload, ContentType: putOptions.contentType })).catch((error: unknown) => {
        throw unreachable(error) ? new StorageFailure('unreachable', error) : error;
      });
    },
    async get(key) {
      assertValidKey(key);
      const result = await client.send(new GetObjectCommand({ Bucket, Key: key }));
      return result.Body as Readable;
    },
    async head(key) {
      assertValidKey(key);
      try {
        const result = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return { size: result.ContentLength ?? 0, contentType: result.ContentType };
      } catch (error) {
        if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return null;
        throw error;
      }
    },
    // The bucket stays private: the URL is signed for one object, a few minutes, and carries the
    // download's name and type so the store answers with the right headers.
    async presignedDownloadUrl(key, options) {
      assertValidKey(key);
      const command = new GetObjectCommand({
        Bucket,
        Key: key,
        ResponseContentDisposition: attachmentDisposition(options.fileName),
        ResponseContentType: options.contentType,
      });
      return getSignedUrl(client, command, { expiresIn: options.expiresInSeconds });
    },
    async delete(key) {
      assertValidKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async *list(prefix) {
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken }));
        for (const item of page.Contents ?? [])
          if (item.Key) yield { key: item.Key, size: item.Size ?? 0, lastModified: item.LastModified ?? new Date(0) };
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
    async check() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
  };
}

/** No answer at all (refused, reset, timed out) or the store failing (5xx, after the SDK's own retries). */
function unreachable(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status === undefined || status >= 500;
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
