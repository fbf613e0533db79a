export { AppShell, type AppShellUser } from "./app-shell";
