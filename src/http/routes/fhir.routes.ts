// The FHIR R4 read API (issue 15, item 4; docs/export.md): the same resources as the full export,
// read one patient at a time, with the roles of docs/security.md's health-data row and an audit event
// per answer. Answers are application/fhir+json; errors stay problem+json like the rest of the API.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, UuidParam } from '../schemas/common.schema.js';
import { CLINICAL_ROLES } from '../../services/context.js';
import { fhirCapability } from '../../services/export/fhir-read/capability.js';
import { readFhirPatient } from '../../services/export/fhir-read/read-patient.js';
import { fhirPatientEverything } from '../../services/export/fhir-read/patient-everything.js';
import { searchFhirByPatient } from '../../services/export/fhir-read/search-by-patient.js';
import { PATIENT_TYPES } from '../../services/export/fhir-read/patient-record.js';

const tags = ['FHIR'];
const FHIR_JSON = 'application/fhir+json';
const READERS = [...CLINICAL_ROLES, 'client'] as const;
/** the server's version, as the OpenAPI document states it */
const VERSION = '0.1.0';

// The outline of what is sent, with an example each; beyond these fields every resource is full FHIR
// R4, whose specification the document links (externalDocs); tests/export/fhir-read.test.ts validates
// every answer against the R4 definitions.
const EXAMPLE_PATIENT = { resourceType: 'Patient', id: '3f6c1a2b-7d8e-4f90-a1b2-c3d4e5f60718', name: [{ family: 'Rivera', given: ['Maya'] }], birthDate: '1990-05-15' } as const;
/** each resource's full shape is the FHIR R4 specification's, which the document points to */
const spec = (page: string, description: string) => ({ description, externalDocs: { description: 'FHIR R4', url: `http://hl7.org/fhir/R4/${page}` } });
const Resource = z
  .looseObject({ resourceType: z.string(), id: z.string() })
  .openapi('FhirResource', { ...spec('resourcelist.html', 'A FHIR R4 resource'), example: EXAMPLE_PATIENT });
const PatientResource = z
  .looseObject({ resourceType: z.literal('Patient'), id: z.string(), name: z.array(z.looseObject({ family: z.string().optional(), given: z.array(z.string()).optional() })).optional(), birthDate: z.string().optional() })
  .openapi('FhirPatient', { ...spec('patient.html', 'A FHIR R4 Patient'), example: EXAMPLE_PATIENT });
const SearchBundle = z
  .looseObject({
    resourceType: z.literal('Bundle'),
    type: z.literal('searchset'),
    total: z.number().int(),
    link: z.array(z.object({ relation: z.string(), url: z.string() })),
    entry: z.array(z.object({ fullUrl: z.string(), resource: Resource, search: z.object({ mode: z.enum(['match', 'include']) }) })),
  })
  .openapi('FhirSearchBundle', {
    ...spec('bundle.html', 'A FHIR R4 searchset Bundle'),
    example: {
      resourceType: 'Bundle',
      type: 'searchset',
      total: 1,
      link: [{ relation: 'self', url: 'https://spa.example.com/fhir/R4/Patient/3f6c1a2b-7d8e-4f90-a1b2-c3d4e5f60718/$everything' }],
      entry: [{ fullUrl: 'https://spa.example.com/fhir/R4/Patient/3f6c1a2b-7d8e-4f90-a1b2-c3d4e5f60718', resource: EXAMPLE_PATIENT, search: { mode: 'match' } }],
    },
  });
const Capability = z
  .looseObject({
    resourceType: z.literal('CapabilityStatement'),
    status: z.string(),
    kind: z.string(),
    fhirVersion: z.literal('4.0.1'),
    format: z.array(z.string()),
    rest: z.array(z.looseObject({ mode: z.string(), resource: z.array(z.looseObject({ type: z.string(), interaction: z.array(z.object({ code: z.string() })) })) })),
  })
  .openapi('FhirCapabilityStatement', {
    ...spec('capabilitystatement.html', 'A FHIR R4 CapabilityStatement'),
    example: { resourceType: 'CapabilityStatement', status: 'active', kind: 'instance', fhirVersion: '4.0.1', format: ['json'], rest: [{ mode: 'server', resource: [{ type: 'Patient', interaction: [{ code: 'read' }] }] }] },
  });

const fhir = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { [FHIR_JSON]: { schema } } });

const metadata = defineRoute('public', {
  operationId: 'fhirMetadata', method: 'get', path: '/fhir/R4/metadata', tags, summary: 'The CapabilityStatement: what this FHIR server reads and searches',
  responses: { 200: fhir(Capability, 'CapabilityStatement'), ...errorResponses },
});

const patient = defineRoute(READERS, {
  operationId: 'fhirReadPatient', method: 'get', path: '/fhir/R4/Patient/{patientId}', tags, summary: 'One Patient (a client may read only their own)',
  request: { params: z.object({ patientId: UuidParam('patientId') }) },
  responses: { 200: fhir(PatientResource, 'Patient'), ...errorResponses },
});

const everything = defineRoute(READERS, {
  operationId: 'fhirPatientEverything', method: 'get', path: '/fhir/R4/Patient/{patientId}/$everything', tags,
  summary: "The patient's whole record as a searchset Bundle (providers get it without invoices and payments)",
  request: { params: z.object({ patientId: UuidParam('patientId') }) },
  responses: { 200: fhir(SearchBundle, 'Bundle'), ...errorResponses },
});

const search = defineRoute(READERS, {
  operationId: 'fhirSearchByPatient', method: 'get', path: '/fhir/R4/{resourceType}', tags,
  summary: "One type of a patient's resources, e.g. Appointment?patient=<id> or Procedure?patient=Patient/<id>",
  request: {
    params: z.object({ resourceType: z.enum(PATIENT_TYPES).openapi({ param: { name: 'resourceType', in: 'path' }, description: 'A resource type that belongs to a patient' }) }),
    query: z.object({ patient: z.string().max(80).openapi({ description: 'Patient/<id> or the id alone' }) }),
  },
  responses: { 200: fhir(SearchBundle, 'Bundle'), ...errorResponses },
});

const base = (c: Context<AppEnv>) => c.get('deps').publicUrl;
/** FHIR's own media type; `Content-Type` spelled as Hono spells it, so it replaces application/json */
const FHIR_HEADERS = { 'Content-Type': `${FHIR_JSON}; charset=utf-8` };
/** The built resources are @medplum/fhirtypes interfaces; the schemas above describe their outline. */
const as = <S extends z.ZodType>(_schema: S, body: unknown) => body as z.infer<S>;

export function fhirRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(metadata, (c) => c.json(as(Capability, fhirCapability(base(c), VERSION, c.get('deps').now().toISOString())), 200, FHIR_HEADERS));
  app.openapi(patient, async (c) => c.json(as(PatientResource, await readFhirPatient(ctxOf(c), base(c), c.req.valid('param').patientId)), 200, FHIR_HEADERS));
  app.openapi(everything, async (c) => {
    const self = `${base(c)}${new URL(c.req.url).pathname}`;
    return c.json(as(SearchBundle, await fhirPatientEverything(ctxOf(c), base(c), c.req.valid('param').patientId, self)), 200, FHIR_HEADERS);
  });
  app.openapi(search, async (c) => {
    const url = new URL(c.req.url);
    const bundle = await searchFhirByPatient(ctxOf(c), base(c), c.req.valid('param').resourceType, c.req.valid('query').patient, `${base(c)}${url.pathname}${url.search}`);
    return c.json(as(SearchBundle, bundle), 200, FHIR_HEADERS);
  });
}
