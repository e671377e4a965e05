import type { LoaderFunctionArgs } from '@remix-run/node';
import { getCurrentUser } from '~/modules/auth/session.server';
import { avatarSvg, displayNameForViewer } from '~/modules/files/avatar.server';
import { notFoundResponse, svgResponse } from '~/modules/files/file-response.server';
import { isProfileId } from '~/modules/files/object-name.server';

/** The generated avatar: initials for viewers who may see the name, a silhouette for everyone else. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isProfileId(params.id)) return notFoundResponse();
  const name = await displayNameForViewer(await getCurrentUser(request), params.id);
  return svgResponse(avatarSvg(params.id, name));
}
