// Unit tests: which address counts as the client's, and that a forged X-Forwarded-For counts for nothing.
import { describe, expect, it } from "vitest";
import { clientIpFrom } from "@/scripts/client-ip.mjs";
import { ipFromHeader } from "./client-ip";

describe("[AUTH] client IP", () => {
  it("without a trusted proxy, X-Forwarded-For is ignored: the socket address counts", () => {
    expect(clientIpFrom("1.2.3.4", "::ffff:198.51.100.7", 0)).toBe("198.51.100.7");
    expect(clientIpFrom(["1.2.3.4, 5.6.7.8"], "198.51.100.7", 0)).toBe("198.51.100.7");
    expect(clientIpFrom(undefined, undefined, 0)).toBeNull();
  });

  it("with one trusted proxy, the address that proxy saw counts (the last entry), not what the client wrote before it", () => {
    // the client forged "1.2.3.4"; the proxy appended the real 203.0.113.9
    expect(clientIpFrom("1.2.3.4, 203.0.113.9", "10.0.0.2", 1)).toBe("203.0.113.9");
    expect(clientIpFrom("203.0.113.9", "10.0.0.2", 1)).toBe("203.0.113.9");
    expect(clientIpFrom("1.1.1.1, 2.2.2.2, 203.0.113.9", "10.0.0.3", 2)).toBe("2.2.2.2");
    // more hops configured than present: the leftmost known address, never null
    expect(clientIpFrom("", "10.0.0.2", 3)).toBe("10.0.0.2");
  });

  it("garbage in the header is not an address", () => {
    expect(clientIpFrom("<script>, 203.0.113.9", "10.0.0.2", 1)).toBe("203.0.113.9");
    expect(ipFromHeader("' OR 1=1 --")).toBeNull();
    expect(ipFromHeader("2001:DB8::1, 10.0.0.1")).toBe("2001:db8::1");
  });
});
