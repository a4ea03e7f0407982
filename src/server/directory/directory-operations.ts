import type { z } from "zod";
import {
  type AgencyRow,
  bumpPerson,
  deletePosition,
  findAgency,
  findPerson,
  insertAgency,
  insertPerson,
  insertPosition,
  updateAgencyIfVersion,
  updatePersonIfVersion,
  wouldCycle,
} from "../../db/directory/agencies.repository.js";
import { getState } from "../../db/directory/states.repository.js";
import type {
  createAgencySchema,
  createPersonSchema,
  createPositionSchema,
  updateAgencySchema,
  updatePersonSchema,
} from "../../domain/directory/schemas.js";
import type { Role } from "../../domain/platform/roles.js";
import { badRequest, forbidden, notFound, preconditionFailed, unauthorized } from "../platform/errors.js";
import {
  type Actor,
  type OperationContext,
  type Origin,
  runOperation,
  type Services,
} from "../platform/operation.js";
import { decideAgencyParent, decideDirectoryWrite } from "./agency.policy.js";

/*
 * Writes to the directory: agencies, officials and their positions. One operation per
 * function, each with its single audit entry; edits use optimistic concurrency.
 */

function authorize(context: OperationContext): void {
  const actor = context.actor;
  if (actor.kind === "cli" || actor.kind === "system") return;
  if (actor.kind !== "user") throw unauthorized();
  const decision = decideDirectoryWrite(actor.role as Role);
  if (!decision.allowed) throw forbidden(decision.code, decision.message);
}

async function checkParent(
  context: OperationContext,
  agency: { id: string | null; stateCode: string },
  parentId: string | null | undefined,
) {
  if (!parentId) return;
  const parent = await findAgency(context.tx, parentId);
  if (!parent)
    throw badRequest("unknown_agency", "There is no such parent agency.", [
      { path: "body.parentAgencyId", message: "unknown" },
    ]);
  const descendant = agency.id !== null && (await wouldCycle(context.tx, agency.id, parentId));
  const decision = decideAgencyParent(agency, parent, descendant);
  if (!decision.allowed)
    throw badRequest(decision.code, decision.message, [
      { path: "body.parentAgencyId", message: decision.message },
    ]);
}

async function checkState(context: OperationContext, code: string) {
  if (!(await getState(context.tx, code))) {
    throw badRequest("unknown_state", `There is no state ${code}.`, [
      { path: "body.stateCode", message: "unknown state" },
    ]);
  }
}

export function createAgency(
  services: Services,
  actor: Actor,
  origin: Origin,
  input: z.infer<typeof createAgencySchema>,
  isDemo = false,
) {
  return runOperation(
    services,
    { eventType: "directory.agency_created", objectType: "agency", actor, origin },
    async (context) => {
      authorize(context);
      await checkState(context, input.stateCode);
      await checkParent(context, { id: null, stateCode: input.stateCode }, input.parentAgencyId);
      const row = await insertAgency(context.tx, {
        ...input,
        isDemo,
        createdAt: context.now,
        updatedAt: context.now,
      });
      context.note({ objectId: row.id, details: { state: row.stateCode, name: row.nameEn } });
      return row;
    },
  );
}

export function updateAgency(
  services: Services,
  actor: Actor,
  origin: Origin,
  id: string,
  expectedVersion: number,
  input: z.infer<typeof updateAgencySchema>,
): Promise<AgencyRow> {
  return runOperation(
    services,
    { eventType: "directory.agency_updated", objectType: "agency", objectId: id, actor, origin },
    async (context) => {
      authorize(context);
      const current = await findAgency(context.tx, id, true);
      if (!current) throw notFound("agency");
      if (current.version !== expectedVersion) throw preconditionFailed();
      const stateCode = input.stateCode ?? current.stateCode;
      if (input.stateCode) await checkState(context, input.stateCode);
      await checkParent(
        context,
        { id, stateCode },
        input.parentAgencyId === undefined ? current.parentAgencyId : input.parentAgencyId,
      );
      const patch = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
      const updated = await updateAgencyIfVersion(context.tx, id, expectedVersion, patch, context.now);
      if (!updated) throw preconditionFailed();
      context.note({ details: { fields: Object.keys(patch).sort() } });
      return updated;
    },
  );
}

export function createPerson(
  services: Services,
  actor: Actor,
  origin: Origin,
  input: z.infer<typeof createPersonSchema>,
  isDemo = false,
) {
  return runOperation(
    services,
    { eventType: "directory.person_created", objectType: "person", actor, origin },
    async (context) => {
      authorize(context);
      const row = await insertPerson(context.tx, {
        ...input,
        isDemo,
        createdAt: context.now,
        updatedAt: context.now,
      });
      context.note({ objectId: row.id });
      return row;
    },
  );
}

export function updatePerson(
  services: Services,
  actor: Actor,
  origin: Origin,
  id: string,
  expectedVersion: number,
  input: z.infer<typeof updatePersonSchema>,
) {
  return runOperation(
    services,
    { eventType: "directory.person_updated", objectType: "person", objectId: id, actor, origin },
    async (context) => {
      authorize(context);
      const current = await findPerson(context.tx, id, true);
      if (!current) throw notFound("person");
      const patch = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
      const updated = await updatePersonIfVersion(context.tx, id, expectedVersion, patch, context.now);
      if (!updated) throw preconditionFailed();
      context.note({ details: { fields: Object.keys(patch).sort() } });
      return updated;
    },
  );
}

export function addPosition(
  services: Services,
  actor: Actor,
  origin: Origin,
  personId: string,
  input: z.infer<typeof createPositionSchema>,
) {
  return runOperation(
    services,
    { eventType: "directory.position_added", objectType: "person", objectId: personId, actor, origin },
    async (context) => {
      authorize(context);
      if (!(await findPerson(context.tx, personId, true))) throw notFound("person");
      if (!(await findAgency(context.tx, input.agencyId))) {
        throw badRequest("unknown_agency", "There is no such agency.", [
          { path: "body.agencyId", message: "unknown" },
        ]);
      }
      const row = await insertPosition(context.tx, {
        personId,
        ...input,
        endOn: input.endOn ?? null,
        sourceUrl: input.sourceUrl ?? null,
        createdAt: context.now,
      });
      await bumpPerson(context.tx, personId, context.now);
      context.note({
        details: {
          agency: input.agencyId,
          title: input.titleEn,
          start: input.startOn,
          end: input.endOn ?? null,
        },
      });
      return row;
    },
  );
}

export function removePosition(
  services: Services,
  actor: Actor,
  origin: Origin,
  personId: string,
  positionId: string,
) {
  return runOperation(
    services,
    { eventType: "directory.position_removed", objectType: "person", objectId: personId, actor, origin },
    async (context) => {
      authorize(context);
      const removed = await deletePosition(context.tx, personId, positionId);
      if (!removed) throw notFound("position");
      await bumpPerson(context.tx, personId, context.now);
      context.note({
        details: {
          removed: {
            agency: removed.agencyId,
            title: removed.titleEn,
            start: removed.startOn,
            end: removed.endOn,
          },
        },
      });
    },
  );
}
