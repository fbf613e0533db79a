"use client";

import { useCallback, useEffect, useRef, useState, type MouseEvent } from "react";
import { DOWNLOAD_COOKIE_PREFIX, DOWNLOAD_TOKEN_PARAM } from "@/lib/exports/download-token";

export type DownloadStatus = "idle" | "preparing" | "started";

const POLL_MS = 250;
const GIVE_UP_MS = 5 * 60_000;
const SHOW_STARTED_MS = 8_000;

const newToken = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/**
 * A download stays a plain link (the browser shows its progress and can cancel it). Until the
 * response starts, which for a long export takes a moment, the page says "Preparing export…": on
 * click the link gets a one-off token, and the server sets a cookie named after it with the
 * response headers, which ends the "preparing" state.
 */
export function useDownloadStatus() {
  const [status, setStatus] = useState<DownloadStatus>("idle");
  const timers = useRef<number[]>([]);

  const stop = () => {
    for (const t of timers.current) {
      window.clearTimeout(t);
      window.clearInterval(t);
    }
    timers.current = [];
  };
  useEffect(() => stop, []);

  const onClick = useCallback((event: MouseEvent<HTMLAnchorElement>) => {
    const token = newToken();
    const link = event.currentTarget;
    const url = new URL(link.href, window.location.href);
    url.searchParams.set(DOWNLOAD_TOKEN_PARAM, token);
    link.href = url.toString(); // read by the browser after this handler, for this very click
    stop();
    setStatus("preparing");
    const cookie = `${DOWNLOAD_COOKIE_PREFIX}${token}`;
    const poll = window.setInterval(() => {
      if (!document.cookie.split("; ").some((c) => c.startsWith(`${cookie}=`))) return;
      document.cookie = `${cookie}=; Path=/; Max-Age=0; SameSite=Strict`;
      stop();
      setStatus("started");
      timers.current.push(window.setTimeout(() => setStatus("idle"), SHOW_STARTED_MS));
    }, POLL_MS);
    const giveUp = window.setTimeout(() => {
      stop();
      setStatus("idle");
    }, GIVE_UP_MS);
    timers.current.push(poll, giveUp);
  }, []);

  return { status, onClick };
}
