import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { API_RESOURCES, bearerToken, openApiDocument } from './personal-api';

describe('personal API: bearer header', () => {
  it.each([
    ['Bearer abc_DEF-123', 'abc_DEF-123'],
    ['bearer abc', 'abc'],
    [null, null],
    ['', null],
    ['Basic dXNlcjpwYXNz', null],
    ['Bearer', null],
    ['Bearer a b', null],
    ['Bearer <script>', null],
    [`Bearer ${'a'.repeat(300)}`, null],
  ])('%s → %s', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});

describe('personal API: OpenAPI description', () => {
  it('is OpenAPI 3.1 with a GET for every resource and schemas ajv compiles', () => {
    const doc = openApiDocument('https://example.test/api/v1');
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(API_RESOURCES.map((r) => `/${r}`));
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    ajv.addSchema({ $id: 'api', components: doc.components });
    const loan = ajv.getSchema('api#/components/schemas/Loan')!;
    const good = { id: 1, title: 'T', author: null, libraryName: 'L', branchName: 'B', lentOn: '2026-11-01', dueOn: '2026-11-22', renewals: 0 };
    expect(loan(good)).toBe(true);
    expect(loan({ ...good, dueOn: '2026-11-22T00:00:00Z' })).toBe(false);
    expect(loan({ ...good, extra: 1 })).toBe(false);
  });
});
