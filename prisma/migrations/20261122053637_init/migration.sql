-- CreateEnum
CREATE TYPE "Role" AS ENUM ('STAFF', 'MANAGER', 'AUDITOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "Confidentiality" AS ENUM ('PUBLIC', 'INTERNAL', 'RESTRICTED');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR', 'ESTIMATED');

-- CreateEnum
CREATE TYPE "Priority" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "Vocabulary" AS ENUM ('ACTION_TYPE', 'ACTION_STATUS', 'OUTCOME_TYPE', 'VERIFICATION', 'CONTRIBUTION', 'ORGANIZATION_KIND', 'CAMPAIGN_STATUS');

-- CreateTable
CREATE TABLE "Term" (
    "id" TEXT NOT NULL,
    "vocabulary" "Vocabulary" NOT NULL,
    "code" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "labelUk" TEXT NOT NULL,
    "category" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Term_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'STAFF',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameUk" TEXT,
    "acronym" TEXT,
    "kindId" TEXT NOT NULL,
    "parentId" TEXT,
    "country" TEXT,
    "website" TEXT,
    "notes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "titleUk" TEXT,
    "goal" TEXT,
    "statusId" TEXT NOT NULL,
    "priority" "Priority" NOT NULL DEFAULT 'MEDIUM',
    "ownerId" TEXT,
    "targetOrgId" TEXT,
    "parentId" TEXT,
    "startDate" DATE,
    "endDate" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "typeId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "datePrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "statusId" TEXT NOT NULL,
    "referenceNumber" TEXT,
    "summary" TEXT,
    "responseSummary" TEXT,
    "responseDate" DATE,
    "followUpDue" DATE,
    "confidentiality" "Confidentiality" NOT NULL DEFAULT 'INTERNAL',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionOrganization" (
    "actionId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,

    CONSTRAINT "ActionOrganization_pkey" PRIMARY KEY ("actionId","organizationId")
);

-- CreateTable
CREATE TABLE "ActionCampaign" (
    "actionId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,

    CONSTRAINT "ActionCampaign_pkey" PRIMARY KEY ("actionId","campaignId")
);

-- CreateTable
CREATE TABLE "ActionParticipant" (
    "actionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "ActionParticipant_pkey" PRIMARY KEY ("actionId","userId")
);

-- CreateTable
CREATE TABLE "Outcome" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "typeId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "datePrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "decidingBodyId" TEXT,
    "subjectId" TEXT,
    "statusBefore" TEXT,
    "statusAfter" TEXT,
    "sourceCitation" TEXT,
    "sourceUrl" TEXT,
    "verificationId" TEXT NOT NULL,
    "summary" TEXT,
    "confidentiality" "Confidentiality" NOT NULL DEFAULT 'INTERNAL',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Outcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutcomeCampaign" (
    "outcomeId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,

    CONSTRAINT "OutcomeCampaign_pkey" PRIMARY KEY ("outcomeId","campaignId")
);

-- CreateTable
CREATE TABLE "ActionOutcomeLink" (
    "id" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "outcomeId" TEXT NOT NULL,
    "contributionId" TEXT NOT NULL,
    "evidenceNote" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionOutcomeLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorRole" "Role",
    "event" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Term_vocabulary_sortOrder_idx" ON "Term"("vocabulary", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "Term_vocabulary_code_key" ON "Term"("vocabulary", "code");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Organization_parentId_idx" ON "Organization"("parentId");

-- CreateIndex
CREATE INDEX "Organization_name_idx" ON "Organization"("name");

-- CreateIndex
CREATE INDEX "Campaign_parentId_idx" ON "Campaign"("parentId");

-- CreateIndex
CREATE INDEX "Action_date_id_idx" ON "Action"("date" DESC, "id");

-- CreateIndex
CREATE INDEX "Action_typeId_idx" ON "Action"("typeId");

-- CreateIndex
CREATE INDEX "Action_statusId_idx" ON "Action"("statusId");

-- CreateIndex
CREATE INDEX "Action_followUpDue_idx" ON "Action"("followUpDue");

-- CreateIndex
CREATE INDEX "ActionOrganization_organizationId_idx" ON "ActionOrganization"("organizationId");

-- CreateIndex
CREATE INDEX "ActionCampaign_campaignId_idx" ON "ActionCampaign"("campaignId");

-- CreateIndex
CREATE INDEX "ActionParticipant_userId_idx" ON "ActionParticipant"("userId");

-- CreateIndex
CREATE INDEX "Outcome_date_id_idx" ON "Outcome"("date" DESC, "id");

-- CreateIndex
CREATE INDEX "Outcome_typeId_idx" ON "Outcome"("typeId");

-- CreateIndex
CREATE INDEX "Outcome_subjectId_idx" ON "Outcome"("subjectId");

-- CreateIndex
CREATE INDEX "OutcomeCampaign_campaignId_idx" ON "OutcomeCampaign"("campaignId");

-- CreateIndex
CREATE INDEX "ActionOutcomeLink_outcomeId_idx" ON "ActionOutcomeLink"("outcomeId");

-- CreateIndex
CREATE UNIQUE INDEX "ActionOutcomeLink_actionId_outcomeId_key" ON "ActionOutcomeLink"("actionId", "outcomeId");

-- CreateIndex
CREATE INDEX "AuditEvent_entity_entityId_idx" ON "AuditEvent"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_idx" ON "AuditEvent"("actorId");

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_kindId_fkey" FOREIGN KEY ("kindId") REFERENCES "Term"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_statusId_fkey" FOREIGN KEY ("statusId") REFERENCES "Term"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_targetOrgId_fkey" FOREIGN KEY ("targetOrgId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "Term"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_statusId_fkey" FOREIGN KEY ("statusId") REFERENCES "Term"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionOrganization" ADD CONSTRAINT "ActionOrganization_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionOrganization" ADD CONSTRAINT "ActionOrganization_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionCampaign" ADD CONSTRAINT "ActionCampaign_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionCampaign" ADD CONSTRAINT "ActionCampaign_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionParticipant" ADD CONSTRAINT "ActionParticipant_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionParticipant" ADD CONSTRAINT "ActionParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "Term"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_decidingBodyId_fkey" FOREIGN KEY ("decidingBodyId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_verificationId_fkey" FOREIGN KEY ("verificationId") REFERENCES "Term"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeCampaign" ADD CONSTRAINT "OutcomeCampaign_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeCampaign" ADD CONSTRAINT "OutcomeCampaign_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionOutcomeLink" ADD CONSTRAINT "ActionOutcomeLink_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionOutcomeLink" ADD CONSTRAINT "ActionOutcomeLink_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionOutcomeLink" ADD CONSTRAINT "ActionOutcomeLink_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Term"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionOutcomeLink" ADD CONSTRAINT "ActionOutcomeLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
