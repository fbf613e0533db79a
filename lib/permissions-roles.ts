// The roles, importable from client components without the rest of the permission module.
export const ROLES = ["STAFF", "MANAGER", "AUDITOR", "ADMIN"] as const;
export type RoleName = (typeof ROLES)[number];
