import { customType } from "drizzle-orm/pg-core";

/** bytea as a Node Buffer (pg returns Buffers for bytea). */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType() {
    return "bytea";
  },
});
