// GET|POST /api/auth/* – next-auth's sign-in, sign-out, session and CSRF endpoints; a POST from
// another site is refused before next-auth sees it (its own CSRF token is the second line)
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { sameOriginRoute } from "@/lib/http";

const handler = NextAuth(authOptions);
const POST = sameOriginRoute("POST /api/auth", handler);

export { handler as GET, POST };
