# One image serves the API, the sockets and both built apps.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npx -y pnpm@10 install --frozen-lockfile && npx -y pnpm@10 build && npx -y pnpm@10 --filter @leadboard/server deploy --prod --legacy /out/server \
 && mkdir -p /out/apps && cp -r apps/participant/dist /out/apps/participant-dist && cp -r apps/facilitator/dist /out/apps/facilitator-dist

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /srv/apps/server
COPY --from=build /out/server /srv/apps/server
COPY --from=build /out/apps/participant-dist /srv/apps/participant/dist
COPY --from=build /out/apps/facilitator-dist /srv/apps/facilitator/dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/index.js"]
