import type { Identity } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';

/**
 * "Download my data": the JSON that app.export_my_data() assembles in one statement, as the
 * member (the function answers only about its caller). What it contains and leaves out is
 * decided there, in SQL, and nowhere else.
 */

export type MyDataFile = { bucket: string; name: string; size: number | null; content_type: string | null; created_at: string };
export type MyData = { format_version: number; exported_at: string; files: MyDataFile[] } & Record<string, unknown>;

export async function exportMyData(identity: Identity): Promise<MyData> {
  const [row] = await runtime().db.asUser(identity, (tx) => tx`select app.export_my_data() as data`);
  return row!.data as MyData;
}

/** The export as a file to save: `talaka-my-data-YYYY-MM-DD.json`, never cached anywhere. */
export function myDataResponse(data: MyData) {
  const day = data.exported_at.slice(0, 10);
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="talaka-my-data-${day}.json"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** The files the export lists, for the page that explains it. */
export function listedFiles(data: MyData) {
  return data.files.map((file) => ({
    key: `${file.bucket}/${file.name}`,
    bucket: file.bucket,
    size: file.size,
    contentType: file.content_type,
    createdAt: file.created_at,
  }));
}
