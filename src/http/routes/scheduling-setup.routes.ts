import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../route.js';
import { ctxOf } from '../context.js';
import { errorResponses, json, jsonBody, TextParam, UuidParam } from '../schemas/common.schema.js';
import { addClosure, closureInput, LocationClosure, LocationSchedule, locationScheduleInput, putLocationSchedule } from '../../services/scheduling/setup/location-setup.js';
import { addTimeOff, credentialsInput, overrideDayInput, ProviderCredentials, ProviderOverride, ProviderSchedule, providerScheduleInput, ProviderTimeOff, putCredentials, putProviderOverride, putProviderSchedule, timeOffInput } from '../../services/scheduling/setup/provider-setup.js';
import { addDevice, addMaintenance, addRoom, createService, DeviceCreated, deviceInput, DeviceMaintenance, maintenanceInput, putScopeRule, Room, roomInput, ScopeRule, scopeRuleInput, ServiceCreated, serviceInput } from '../../services/scheduling/setup/resources-setup.js';
import { licenceInput, StaffLicence, updateLicence } from '../../services/organization/update-licence.js';
import { getSchedulingSetup, listActiveServices, SchedulingSetup, ServiceList } from '../../services/scheduling/setup/get-setup.js';

const tags = ['Scheduling set-up'];
const locParams = z.object({ locationId: UuidParam('locationId') });
const userParams = z.object({ userId: TextParam('userId', 64) });
const ok = <T extends ZodType>(schema: T, d: string) => ({ 200: json(schema, d), ...errorResponses });
// 409: the name, code or serial is already used
const created = <T extends ZodType>(schema: T, d: string) => ({ 201: json(schema, d), 409: errorResponses[404], ...errorResponses });

const services = defineRoute('signed_in', { method: 'get', path: '/api/services', operationId: 'listServices', tags, summary: 'Bookable services: consultation and microneedling by modality and areas', responses: ok(ServiceList, 'Services') });
const addService = defineRoute(['owner'], { method: 'post', path: '/api/services', operationId: 'createService', tags, summary: 'Add a service with its times, buffers per resource and the resources it needs', request: { body: jsonBody(serviceInput) }, responses: created(ServiceCreated, 'Created') });
const setup = defineRoute(['owner', 'medical_director', 'provider', 'front_desk'], { method: 'get', path: '/api/locations/{locationId}/scheduling-setup', operationId: 'getSchedulingSetup', tags, summary: "A location's hours, providers, rooms, devices, services and scope rules", request: { params: locParams }, responses: ok(SchedulingSetup, 'Set-up') });
const schedule = defineRoute(['owner'], { method: 'put', path: '/api/locations/{locationId}/schedule', operationId: 'setLocationSchedule', tags, summary: 'Opening hours, slot grid, notice, horizon, hold length, late-cancel window', request: { params: locParams, body: jsonBody(locationScheduleInput) }, responses: ok(LocationSchedule, 'Saved') });
const closure = defineRoute(['owner'], { method: 'post', path: '/api/locations/{locationId}/closures', operationId: 'addLocationClosure', tags, summary: 'Close the location on a date', request: { params: locParams, body: jsonBody(closureInput) }, responses: created(LocationClosure, 'Added') });
const providerSchedule = defineRoute(['owner'], { method: 'put', path: '/api/providers/{userId}/schedule', operationId: 'setProviderSchedule', tags, summary: "A provider's weekly hours at a location", request: { params: userParams, body: jsonBody(providerScheduleInput) }, responses: ok(ProviderSchedule, 'Saved') });
const providerOverride = defineRoute(['owner', 'front_desk'], { method: 'put', path: '/api/providers/{userId}/overrides', operationId: 'setProviderOverride', tags, summary: "Replace one date's hours (empty: day off)", request: { params: userParams, body: jsonBody(overrideDayInput) }, responses: ok(ProviderOverride, 'Saved') });
const timeOff = defineRoute(['owner', 'medical_director', 'front_desk'], { method: 'post', path: '/api/providers/{userId}/time-off', operationId: 'addProviderTimeOff', tags, summary: 'Time off: never offered for booking', request: { params: userParams, body: jsonBody(timeOffInput) }, responses: created(ProviderTimeOff, 'Added') });
const credentials = defineRoute(['owner', 'medical_director'], { method: 'put', path: '/api/providers/{userId}/credentials', operationId: 'setProviderCredentials', tags, summary: 'Modality credentials (for example rf_training), with expiry', request: { params: userParams, body: jsonBody(credentialsInput) }, responses: ok(ProviderCredentials, 'Saved') });
const maintenance = defineRoute(['owner', 'medical_director', 'provider'], { method: 'post', path: '/api/devices/{deviceId}/maintenance', operationId: 'addDeviceMaintenance', tags, summary: 'A maintenance window when the device cannot be booked', request: { params: z.object({ deviceId: UuidParam('deviceId') }), body: jsonBody(maintenanceInput) }, responses: created(DeviceMaintenance, 'Added') });
const scope = defineRoute(['owner', 'medical_director'], { method: 'put', path: '/api/scope-rules', operationId: 'setScopeRule', tags, summary: 'Set a scope-of-practice rule (state x licence x modality); no rule denies', request: { body: jsonBody(scopeRuleInput) }, responses: ok(ScopeRule, 'Saved') });

const room = defineRoute(['owner'], { method: 'post', path: '/api/locations/{locationId}/rooms', operationId: 'addRoom', tags, summary: 'Add a treatment room', request: { params: locParams, body: jsonBody(roomInput) }, responses: created(Room, 'Added') });
const device = defineRoute(['owner'], { method: 'post', path: '/api/locations/{locationId}/devices', operationId: 'addDevice', tags, summary: 'Add a device (modality, model, serial)', request: { params: locParams, body: jsonBody(deviceInput) }, responses: created(DeviceCreated, 'Added') });
const licence = defineRoute(['owner', 'medical_director'], { method: 'put', path: '/api/staff/{userId}/licence', operationId: 'setStaffLicence', tags, summary: "A clinician's licence type, number, state and expiry", request: { params: userParams, body: jsonBody(licenceInput) }, responses: ok(StaffLicence, 'Saved') });

export function schedulingSetupRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(services, async (c) => c.json({ items: await listActiveServices(ctxOf(c)) }, 200));
  app.openapi(addService, async (c) => c.json(await createService(ctxOf(c), c.req.valid('json')), 201));
  app.openapi(setup, async (c) => c.json(await getSchedulingSetup(ctxOf(c), c.req.valid('param').locationId), 200));
  app.openapi(schedule, async (c) => c.json(await putLocationSchedule(ctxOf(c), c.req.valid('param').locationId, c.req.valid('json')), 200));
  app.openapi(closure, async (c) => c.json(await addClosure(ctxOf(c), c.req.valid('param').locationId, c.req.valid('json')), 201));
  app.openapi(providerSchedule, async (c) => c.json(await putProviderSchedule(ctxOf(c), c.req.valid('param').userId, c.req.valid('json')), 200));
  app.openapi(providerOverride, async (c) => c.json(await putProviderOverride(ctxOf(c), c.req.valid('param').userId, c.req.valid('json')), 200));
  app.openapi(timeOff, async (c) => c.json(await addTimeOff(ctxOf(c), c.req.valid('param').userId, c.req.valid('json')), 201));
  app.openapi(credentials, async (c) => c.json(await putCredentials(ctxOf(c), c.req.valid('param').userId, c.req.valid('json')), 200));
  app.openapi(maintenance, async (c) => c.json(await addMaintenance(ctxOf(c), c.req.valid('param').deviceId, c.req.valid('json')), 201));
  app.openapi(scope, async (c) => c.json(await putScopeRule(ctxOf(c), c.req.valid('json')), 200));
  app.openapi(room, async (c) => c.json(await addRoom(ctxOf(c), c.req.valid('param').locationId, c.req.valid('json')), 201));
  app.openapi(device, async (c) => c.json(await addDevice(ctxOf(c), c.req.valid('param').locationId, c.req.valid('json')), 201));
  app.openapi(licence, async (c) => c.json(await updateLicence(ctxOf(c), c.req.valid('param').userId, c.req.valid('json')), 200));
}
