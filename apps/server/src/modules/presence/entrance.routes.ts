import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireDevice, requireStaff } from '../../platform/http/authentication.plugin.ts';
import { decodeImage, described, errorResponses, StoreParams } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';
import { BASE64_IMAGE_REFUSALS } from '../biometrics/index.ts';
import type { EntranceCameraView, EntranceService } from './entrance.service.ts';
import {
  CameraParams,
  CameraRoleBody,
  CropsCounted,
  EntranceCamera,
  EntranceCameraConfig,
  EntranceCameraList,
  EntranceCrops,
} from './entrance.schemas.ts';

const device = { tags: ['entrance'], security: [{ deviceSignature: [] }] };
const staff = { tags: ['entrance'], security: [{ staffSession: [] }] };

const presentCamera = (camera: EntranceCameraView) => ({
  ...camera,
  lastCropAt: camera.lastCropAt?.toISOString() ?? null,
});

/** The entrance cameras' calls (signed device requests) and their roles at the door (staff). */
export function entranceRoutes(services: { entrance: EntranceService }, auth: Authenticators) {
  return async (app: App) => {
    app.post(
      '/v1/entrance/crops',
      {
        preHandler: auth.device,
        bodyLimit: 8 * 1024 * 1024,
        schema: {
          ...device,
          operationId: 'submitEntranceCrops',
          summary: 'Face crops an entrance camera picked, taken at one moment; the server counts them into visits',
          description:
            "Entrance cameras only (device kind `entrance_camera`). Each crop is analysed by the face engine: a member who turned entrance recognition on is named at the merchant's entrance threshold (`entranceStrangerOneIn`), everyone else is anonymous; the crop joins the visit of the same face seen within the visit window, or starts one (an exit camera ends it). Nothing of the picture is kept: an anonymous face's embedding is held in the server's memory for the visit window only. Send a camera's requests one after another, in the order taken: a crop taken before the camera's last counted crop is refused (`crop_out_of_order`), as is a time outside the clock window (`crop_time_invalid`); a refused request counts nothing.",
          body: EntranceCrops,
          response: {
            200: CropsCounted,
            ...errorResponses({
              400: ['crop_count_invalid', 'crop_time_invalid', ...BASE64_IMAGE_REFUSALS],
              403: ['forbidden'],
              409: ['crop_out_of_order'],
              503: ['face_analysis_failed', 'face_engine_busy'],
            }),
          },
        },
      },
      async (request) =>
        services.entrance.submitCrops(requireDevice(request), {
          atMs: request.body.atMs,
          crops: request.body.crops.map((c, i) => decodeImage(c.image, `crops[${i}].image`)),
        }),
    );

    app.get(
      '/v1/entrance/config',
      {
        preHandler: auth.device,
        schema: {
          ...device,
          operationId: 'getEntranceCameraConfig',
          summary: 'An entrance camera reads its role at the door and what its crop picker should send',
          description:
            'Signed by an entrance camera. `role` is set by staff (`setEntranceCameraRole`; `both` until then). Pick crops on the device: a face of at least `minEyeDistancePx` between the eyes, frontal and sharp, at most `maxCropsPerSecondPerPerson` a second per person, nothing when no face is there.',
          response: {
            200: EntranceCameraConfig,
            ...errorResponses({ 403: ['forbidden'] }),
          },
        },
      },
      async (request) => {
        const config = await services.entrance.cameraConfig(requireDevice(request));
        return { ...config, lastCropAt: config.lastCropAt?.toISOString() ?? null };
      },
    );

    app.get(
      '/v1/merchants/:merchantId/stores/:storeId/entrance-cameras',
      {
        preHandler: auth.staff,
        schema: {
          ...staff,
          operationId: 'listEntranceCameras',
          summary: "A store's entrance cameras with their roles at the door and their last crop",
          description:
            "Staff who may see the store's devices. Register a camera with `registerDevice` (kind `entrance_camera`).",
          params: StoreParams,
          response: {
            200: EntranceCameraList,
            ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found', 'store_not_found'] }),
          },
        },
      },
      async (request) => ({
        cameras: (
          await services.entrance.listCameras(requireStaff(request), request.params.merchantId, request.params.storeId)
        ).map(presentCamera),
      }),
    );

    app.put(
      '/v1/merchants/:merchantId/devices/:deviceId/entrance-role',
      {
        preHandler: auth.staff,
        schema: {
          ...staff,
          operationId: 'setEntranceCameraRole',
          summary: "Set an entrance camera's role at the door: entry, exit or both",
          description:
            'Store managers of its store and merchant admins. An exit camera ends the visit of whoever it recognises and starts none; entry and both start and continue visits, which end after the visit window. Audited.',
          params: CameraParams,
          body: CameraRoleBody,
          response: {
            200: described(EntranceCamera, 'The camera with its role'),
            ...errorResponses({
              403: ['forbidden'],
              404: ['merchant_not_found', 'device_not_found', 'store_not_found'],
              409: ['device_not_entrance_camera'],
            }),
          },
        },
      },
      async (request) =>
        presentCamera(
          await services.entrance.setCameraRole(
            requireStaff(request),
            request.params.merchantId,
            request.params.deviceId,
            request.body.role,
          ),
        ),
    );
  };
}
