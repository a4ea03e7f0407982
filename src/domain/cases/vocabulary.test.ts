import { describe, expect, it } from "vitest";
import { allReachableStatuses } from "./state-machine.js";
import { ACCEPTED_EXTENSIONS, DOCUMENT_TYPES, FILTER_STATUSES } from "./vocabulary.js";

describe("the words of cases that the web app reads without the implementation", () => {
  it("the list's status filter offers exactly the statuses the state machines can reach", () => {
    expect([...FILTER_STATUSES]).toEqual(allReachableStatuses());
  });

  it("every accepted extension belongs to one kind of document", () => {
    const owners = ACCEPTED_EXTENSIONS.map((extension) =>
      Object.values(DOCUMENT_TYPES).filter((type) =>
        (type.extensions as readonly string[]).includes(extension),
      ),
    );
    expect(owners.every((list) => list.length === 1)).toBe(true);
    expect(new Set(ACCEPTED_EXTENSIONS).size).toBe(ACCEPTED_EXTENSIONS.length);
  });
});
