-- CreateTable
CREATE TABLE "activity_counts" (
    "day" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "activity_counts_pkey" PRIMARY KEY ("day","kind")
);
