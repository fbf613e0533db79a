-- The interface language each person chose, remembered across devices and applied at sign-in.
-- Hand-written (prisma migrate dev cannot run here). Adding a locale means widening the CHECK.
ALTER TABLE "User" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "User" ADD CONSTRAINT "User_locale_known" CHECK ("locale" IN ('en', 'uk'));
