import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type Agency,
  agencyListSchema,
  agencySchema,
  type createAgencySchema,
  type createPersonSchema,
  type createPositionSchema,
  organisationListSchema,
  type Person,
  personListSchema,
  personSchema,
  stateDetailSchema,
  type updateAgencySchema,
  type updatePersonSchema,
} from "../../domain/directory/schemas.js";
import { request } from "../api/client.js";

export const DIRECTORY_KEY = ["directory"] as const;

export function useStateDetail(code: string) {
  return useQuery({
    queryKey: [...DIRECTORY_KEY, "state", code],
    queryFn: ({ signal }) =>
      request(`/api/directory/states/${encodeURIComponent(code)}`, { schema: stateDetailSchema, signal }),
    staleTime: 5 * 60_000,
  });
}

export type AgencyFilters = { q?: string; state?: string; kind?: string };

export function useAgencies(filters: AgencyFilters, enabled = true) {
  return useQuery({
    queryKey: [...DIRECTORY_KEY, "agencies", filters],
    queryFn: ({ signal }) =>
      request("/api/directory/agencies", { query: filters, schema: agencyListSchema, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export type NewAgency = z.input<typeof createAgencySchema>;
export type AgencyChanges = z.input<typeof updateAgencySchema>;

export function createAgency(body: NewAgency): Promise<Agency> {
  return request("/api/directory/agencies", { method: "POST", body, schema: agencySchema });
}

export function updateAgency(agency: Agency, changes: AgencyChanges): Promise<Agency> {
  return request(`/api/directory/agencies/${encodeURIComponent(agency.id)}`, {
    method: "PATCH",
    body: changes,
    headers: { "If-Match": `"v${agency.version}"` },
    schema: agencySchema,
  });
}

export type PeopleFilters = { q?: string; state?: string; agency?: string; on?: string; title?: string };

export function usePeople(filters: PeopleFilters) {
  return useQuery({
    queryKey: [...DIRECTORY_KEY, "people", filters],
    queryFn: ({ signal }) =>
      request("/api/directory/people", { query: filters, schema: personListSchema, signal }),
    placeholderData: keepPreviousData,
  });
}

export function personKey(id: string) {
  return [...DIRECTORY_KEY, "person", id] as const;
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: personKey(id),
    queryFn: ({ signal }) =>
      request(`/api/directory/people/${encodeURIComponent(id)}`, { schema: personSchema, signal }),
  });
}

export type NewPerson = z.input<typeof createPersonSchema>;
export type PersonChanges = z.input<typeof updatePersonSchema>;
export type NewPosition = z.input<typeof createPositionSchema>;

export function createPerson(body: NewPerson): Promise<Person> {
  return request("/api/directory/people", { method: "POST", body, schema: personSchema });
}

export function updatePerson(person: Person, changes: PersonChanges): Promise<Person> {
  return request(`/api/directory/people/${encodeURIComponent(person.id)}`, {
    method: "PATCH",
    body: changes,
    headers: { "If-Match": `"v${person.version}"` },
    schema: personSchema,
  });
}

export function addPosition(personId: string, body: NewPosition): Promise<Person> {
  return request(`/api/directory/people/${encodeURIComponent(personId)}/positions`, {
    method: "POST",
    body,
    schema: personSchema,
  });
}

export function removePosition(personId: string, positionId: string): Promise<Person> {
  return request(
    `/api/directory/people/${encodeURIComponent(personId)}/positions/${encodeURIComponent(positionId)}`,
    { method: "DELETE", schema: personSchema },
  );
}

export function useOrganisations() {
  return useQuery({
    queryKey: [...DIRECTORY_KEY, "organisations"],
    queryFn: ({ signal }) =>
      request("/api/directory/organisations", { schema: organisationListSchema, signal }),
    staleTime: 10 * 60_000,
  });
}
