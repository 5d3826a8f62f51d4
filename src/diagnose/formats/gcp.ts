/**
 * Fields of a Google Cloud external Application Load Balancer request log entry (Cloud
 * Logging JSON, `resource.type="http_load_balancer"`): `httpRequest.{requestMethod,
 * requestUrl, remoteIp, serverIp}`, `timestamp`, `jsonPayload.statusDetails`.
 */
import { upstreamFields } from '../address.ts';
import type { Fields } from '../types.ts';
import { jsonStringField } from './text.ts';

/** Fields of a Google Cloud load balancer log entry; `serverIp` is the backend. */
export function gcpFields(line: string): Fields {
  const fields: Fields = { ...upstreamFields(jsonStringField(line, 'serverIp')) };
  const timestamp = jsonStringField(line, 'timestamp');
  const method = jsonStringField(line, 'requestMethod');
  const url = jsonStringField(line, 'requestUrl');
  const client = jsonStringField(line, 'remoteIp');
  if (timestamp !== undefined) fields.timestamp = timestamp;
  if (url !== undefined) fields.request = method === undefined ? url : `${method} ${url}`;
  if (client !== undefined) fields.client = client;
  return fields;
}
