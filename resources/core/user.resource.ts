import { ValidationError, type ActionRequest, type ActionResponse, type ResourceWithOptions } from 'adminjs';
import type { Db } from '../../prisma/client.js';
import { MIN_PASSWORD_LENGTH, setUserPassword } from '../../domain/users/password.js';
import { Components } from '../../admin/component-loader.js';
import { defineResource, NAVIGATION } from '../define-resource.js';

// AdminJS never knows the password hash exists (admin/dmmf.ts). The form's "Nueva contraseña" is checked
// before the save and handed to setUserPassword after it; it is not a column, so AdminJS never writes it.
export function userResource(prisma: Db): ResourceWithOptions {
  const validateForm = (passwordRequired: boolean) => async (request: ActionRequest) => {
    if (request.method !== 'post' || !request.payload) return request;
    const payload = { ...request.payload } as Record<string, string>;
    if (payload.email) payload.email = payload.email.trim().toLowerCase();
    const newPassword = payload.newPassword ?? '';
    if (!newPassword && passwordRequired) throw new ValidationError({ newPassword: { message: 'passwordRequired' } });
    if (newPassword && newPassword.length < MIN_PASSWORD_LENGTH)
      throw new ValidationError({ newPassword: { message: 'passwordTooShort' } });
    const clash = payload.email && (await prisma.user.findUnique({ where: { email: payload.email }, select: { id: true } }));
    if (clash && String(clash.id) !== String(request.params.recordId))
      throw new ValidationError({ email: { message: 'emailTaken' } });
    return { ...request, payload };
  };

  const storePassword = async (response: ActionResponse, request: ActionRequest) => {
    const newPassword = (request.payload as Record<string, string> | undefined)?.newPassword;
    const id = response.record?.params?.id;
    if (request.method === 'post' && newPassword && id && !Object.keys(response.record?.errors ?? {}).length)
      await setUserPassword(prisma, Number(id), newPassword);
    return response;
  };

  return defineResource(prisma, 'User', {
      navigation: NAVIGATION.administration,
      listProperties: ['id', 'email', 'name', 'isActive', 'lastLoginAt'],
      showProperties: ['id', 'email', 'name', 'isActive', 'locale', 'lastLoginAt', 'createdAt', 'updatedAt', 'memberships'],
      editProperties: ['email', 'name', 'isActive', 'locale', 'newPassword'],
      filterProperties: ['email', 'name', 'isActive'],
      sort: { sortBy: 'email', direction: 'asc' },
      properties: {
        newPassword: { type: 'password', isVisible: { list: false, show: false, filter: false, edit: true } },
        // His groups live on his page (the join table has no navigation entry of its own): listed, added
        // with him filled in, removed; each change ends his other sessions (database trigger).
        memberships: {
          type: 'string',
          isVisible: { list: false, show: true, filter: false, edit: false },
          components: { show: Components.RelatedRecords },
          custom: {
            resource: 'UserGroup', filter: 'user', columns: ['group'], titleKey: 'relatedGroups',
            add: { choose: 'group', chooseFrom: 'Group', buttonKey: 'relatedAddGroup' }, removable: true,
          },
        },
      },
      actions: {
        new: { before: validateForm(true), after: storePassword },
        edit: { before: validateForm(false), after: storePassword },
      },
  });
}
